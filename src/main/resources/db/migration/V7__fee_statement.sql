create table fee_statement (
    id                      varchar(36)     not null primary key,
    business_id             varchar(36)     not null references business (id),
    period                  varchar(7)      not null,
    status                  varchar(20)     not null,
    total_ours              numeric(19, 2)  not null,
    total_lender            numeric(19, 2),
    lines_json              varchar(200000) not null,
    differences             varchar(4000),
    accounting_entry_id     varchar(36),
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    constraint uk_fee_statement unique (business_id, period)
);
