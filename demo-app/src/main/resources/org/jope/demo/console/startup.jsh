// The names that jopectl debug and jopectl run bind, evaluated before the first line of the session or the script.
// First the imports of jshell's own DEFAULT startup, which the JShell API does not add by itself.
import java.io.*;
import java.math.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.*;
import java.util.regex.*;
import java.util.stream.*;
import org.jope.core.*;
import org.jope.core.content.*;
import org.jope.core.store.*;
import org.jope.demo.console.ConsoleSession;

JopeApplication app = ConsoleSession.current().app();
Folder root = ConsoleSession.current().root();
String[] args = ConsoleSession.current().args();

// Runs the block in one transaction and commits it; if the block throws, nothing of it is written. root then
// shows the commit.
void commit(TransactionBlock block) throws Exception {
    try {
        ConsoleSession.current().commit(block);
    }
    finally {
        root = ConsoleSession.current().root();
    }
}

// Reads root again, with what other processes have committed since.
void sync() {
    root = ConsoleSession.current().root();
}
