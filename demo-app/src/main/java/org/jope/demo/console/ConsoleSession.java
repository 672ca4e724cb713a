package org.jope.demo.console;

import java.util.Objects;

import org.jope.core.JopeApplication;
import org.jope.core.content.Folder;
import org.jope.core.store.Transaction;
import org.jope.core.store.TransactionBlock;

/**
 * What {@code jopectl debug} and {@code jopectl run} bind for the snippets they evaluate: the site's application,
 * opened on the instance's store without a web server, the root folder, and {@link #commit}, which is Zope's
 * {@code transaction.commit()}: a block of work in one transaction, committed when it returns and aborted when it
 * throws. The snippets reach this session through {@link #current()}, since JShell runs them in this JVM
 * ({@code --execution local}) but as classes of their own.
 *
 * <pre>{@code
 * jshell> commit(tx -> tx.createChild(tx.root(), "news", NewContent.page("News", "<p>Hello</p>"), "/news"))
 * }</pre>
 */
public final class ConsoleSession {

    private static volatile ConsoleSession current;

    private final JopeApplication app;

    private final String user;

    private final String[] args;

    private ConsoleSession(JopeApplication app, String user, String[] args) {
        this.app = app;
        this.user = user;
        this.args = args;
    }

    /** The session that the snippets of this JVM work in. */
    public static ConsoleSession current() {
        return Objects.requireNonNull(current, "No console session has been opened in this JVM");
    }

    /**
     * Makes {@code app} the application of the session that the snippets see.
     *
     * @param user the name that the transaction log records for the session's commits
     * @param args the arguments of a run script, bound as {@code args}; empty for the interactive console
     */
    static ConsoleSession open(JopeApplication app, String user, String[] args) {
        ConsoleSession session = new ConsoleSession(app, user, args.clone());
        current = session;
        return session;
    }

    /** The site's application: its store, its publisher and its config. */
    public JopeApplication app() {
        return app;
    }

    /** The root folder as the store has it now, other processes' commits included. */
    public Folder root() {
        try (Transaction transaction = app.store().begin(user, true)) {
            return transaction.root();
        }
    }

    /** The arguments that followed the script's name on the command line. */
    public String[] args() {
        return args.clone();
    }

    /**
     * Runs {@code block} in one transaction and commits it. If the block throws, the transaction is aborted and
     * nothing it wrote is kept; a {@link org.jope.core.store.ConflictError} means another process changed the same
     * objects first, and the block may be run again.
     */
    public void commit(TransactionBlock block) throws Exception {
        TransactionBlock.commit(app.store(), user, block);
    }

}
