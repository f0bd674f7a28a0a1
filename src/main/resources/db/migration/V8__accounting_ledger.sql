-- Ledger: monthly fees entries, reversals, and what the FEC export needs.

-- Month (YYYY-MM) a fees entry bills; null for the other kinds.
alter table accounting_entry add column period varchar(7);
-- Invoice number, or FEES-YYYY-MM: the FEC "PieceRef".
alter table accounting_entry add column piece_ref varchar(100);
-- A reversal points at the entry it cancels; an entry is never changed.
alter table accounting_entry add column reverses_entry_id varchar(36);
alter table accounting_entry add column reason varchar(500);
-- '-' except on reversals, which carry the reversed entry id: several entries of one financing
-- can be reversed while ADVANCE_RECEIVED / ADVANCE_REPAID stay unique per financing.
alter table accounting_entry add column booking_key varchar(36) default '-' not null;

alter table accounting_entry add constraint fk_accounting_entry_reverses
    foreign key (reverses_entry_id) references accounting_entry (id);
alter table accounting_entry add constraint uk_accounting_entry_reversal
    unique (reverses_entry_id);
-- Fees are booked at most once per business and month (period is null for other kinds, and
-- nulls never collide in a unique constraint on H2 or PostgreSQL).
alter table accounting_entry add constraint uk_accounting_entry_period
    unique (business_id, kind, period);
alter table accounting_entry drop constraint uk_accounting_entry_kind;
alter table accounting_entry add constraint uk_accounting_entry_kind
    unique (financing_id, kind, booking_key);

create index ix_accounting_entry_business on accounting_entry (business_id, entry_date);
create index ix_accounting_entry_financing on accounting_entry (financing_id);

update accounting_entry set piece_ref =
    (select i.number from invoice i where i.id = accounting_entry.invoice_id)
    where invoice_id is not null;

-- Auxiliary (third-party) account of a line, e.g. the lender's supplier sub-account.
alter table accounting_line add column aux_account varchar(17);
alter table accounting_line add column aux_label varchar(120);
