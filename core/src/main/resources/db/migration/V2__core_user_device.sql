-- An operator's phone interface (e.g. PJSIP/op1): the AMI adapter matches queue legs to users by it.
alter table app_user add column device varchar(64);
