-- Signatures of the lender's webhooks already accepted, so that a copy is refused. The primary
-- key makes two simultaneous copies yield one insert and one duplicate-key error. Rows older
-- than twice the timestamp tolerance are deleted: such a copy fails the timestamp check anyway.
create table received_webhook (
    signature_sha256    varchar(64)   not null primary key,
    received_at         timestamp with time zone not null
);

create index ix_received_webhook_received_at on received_webhook (received_at);
