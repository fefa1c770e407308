package ir.line111.sms;

import ir.line111.core.testing.TestDatabases;

class SmsOverSmppOnPostgresTest extends SmsOverSmppTest {
    @Override TestDatabases.Kind kind() { return TestDatabases.Kind.POSTGRESQL; }
}
