package ir.line111.recordings.store;

import ir.line111.core.persistence.Database;
import ir.line111.core.testing.TestDatabases;

class ReconcilerEdgesOnH2Test extends ReconcilerEdgesContract {
    @Override
    Database open() {
        return TestDatabases.h2();
    }
}
