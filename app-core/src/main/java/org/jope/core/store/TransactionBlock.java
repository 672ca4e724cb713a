package org.jope.core.store;

/**
 * Work on the store that runs in one transaction of its own, outside any request: {@link #commit} commits what the
 * block wrote when it returns, and aborts all of it when it throws, so that it never leaves half its changes behind.
 * It is Zope's {@code transaction.commit()} for a debug console, a migration script, or an application that seeds
 * its content at startup.
 *
 * <pre>{@code
 * TransactionBlock.commit(app.store(), "migration", (tx) -> tx.createChild(tx.root(), "news",
 *         NewContent.page("News", "<p>Nothing yet.</p>"), "/news"));
 * }</pre>
 */
@FunctionalInterface
public interface TransactionBlock {

    /** Reads and writes through {@code transaction}; a block may throw anything, checked exceptions included. */
    void run(Transaction transaction) throws Exception;

    /**
     * Runs {@code block} in a new transaction on {@code store} and commits it. A {@link ConflictError}, at the block's
     * writes or at the commit, means that another transaction changed the same objects first: nothing was committed,
     * and the block may be run again. Unlike a request, the block is not retried here, since it may have done things
     * outside the store (printed, sent mail) that a retry would do twice.
     *
     * @param user the name that the transaction log records for the commit
     * @throws Exception whatever the block threw, after the transaction was aborted
     */
    static void commit(ObjectStore store, String user, TransactionBlock block) throws Exception {
        try (Transaction transaction = store.begin(user, false)) {
            block.run(transaction);
            transaction.commit();
        }
    }

}
