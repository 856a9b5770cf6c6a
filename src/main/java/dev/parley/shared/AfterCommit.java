package dev.parley.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Runs work once the current transaction has committed, or at once where no transaction is active. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code work} after the commit of the transaction on this thread; never if it rolls back. */
    public static void run(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
