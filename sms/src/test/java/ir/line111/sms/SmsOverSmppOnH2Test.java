package ir.line111.sms;

import ir.line111.core.testing.TestDatabases;

class SmsOverSmppOnH2Test extends SmsOverSmppTest {
    @Override TestDatabases.Kind kind() { return TestDatabases.Kind.H2; }
}
