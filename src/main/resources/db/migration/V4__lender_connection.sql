alter table business add column lender_borrower_id varchar(64);
alter table business add column company_created_on date;
alter table business add column status_reason varchar(500);
alter table business add column disconnected_at timestamp with time zone;

-- What reconciliation knows of a company's bank accounts, pushed by the platform.
create table bank_account (
    id                  varchar(36)   not null primary key,
    siren               varchar(9)    not null,
    iban                varchar(34)   not null,
    bank_name           varchar(120),
    transactions_json   varchar(200000) not null,
    updated_at          timestamp with time zone not null,
    constraint uk_bank_account unique (siren, iban)
);

create table connection_request (
    id                          varchar(36)   not null primary key,
    business_id                 varchar(36),
    siret                       varchar(14)   not null,
    siren                       varchar(9)    not null,
    legal_name                  varchar(200)  not null,
    ape_code                    varchar(6)    not null,
    iban                        varchar(34)   not null,
    company_created_on          date,
    representative_first_name   varchar(100)  not null,
    representative_last_name    varchar(100)  not null,
    representative_email        varchar(254)  not null,
    representative_phone        varchar(30),
    consent                     boolean       not null,
    status                      varchar(20)   not null,
    reason                      varchar(500),
    credit_limit                numeric(19, 2),
    process_instance_id         varchar(64),
    requested_by                varchar(100)  not null,
    created_at                  timestamp with time zone not null,
    decided_at                  timestamp with time zone
);

create index ix_connection_request_siren on connection_request (siren);
