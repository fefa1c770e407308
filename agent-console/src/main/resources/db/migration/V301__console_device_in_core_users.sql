-- The operator's device now lives in core's app_user.device (core V2); the console's own table goes.
drop table console_operator_device;
