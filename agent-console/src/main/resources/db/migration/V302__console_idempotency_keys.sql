-- The first answer to each request that carried an Idempotency-Key, per user, for 24 hours: a
-- double click or a retry gets that answer again instead of a second case or a second change.
-- The primary key is what makes two concurrent repeats (even on two backends) run the change once.
create table console_idempotency_key (
    username varchar(64) not null,
    idem_key varchar(128) not null,
    fingerprint varchar(64) not null,
    state varchar(8) not null,
    http_status integer,
    content_type varchar(100),
    body varchar(1000000),
    created_at timestamp(6) with time zone not null,
    expires_at timestamp(6) with time zone not null,
    constraint pk_console_idempotency_key primary key (username, idem_key)
);
create index ix_console_idempotency_key_expires on console_idempotency_key (expires_at);
