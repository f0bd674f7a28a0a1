-- Set while a connection request is pending: one pending request per company.
alter table connection_request add column pending_siren varchar(9);
alter table connection_request add constraint uk_connection_pending unique (pending_siren);
