package ir.line111.recordings.store;

import ir.line111.core.persistence.Database;
import ir.line111.core.testing.TestDatabases;

class ReconcilerEdgesOnPostgresTest extends ReconcilerEdgesContract {
    @Override
    Database open() {
        return TestDatabases.postgres();
    }
}
