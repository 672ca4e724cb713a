package org.jope.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A {@link StandaloneSite} in a child JVM, with its output kept for assertions. */
public final class ChildProcess implements AutoCloseable {

    private final Process process;

    private final List<String> output = new ArrayList<>();

    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private ChildProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "child-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildProcess startSite(Path directory) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), StandaloneSite.class.getName(), directory.toString());
        builder.redirectErrorStream(true);
        return new ChildProcess(builder.start());
    }

    /** The port, once the site answers; fails if the process ends first. */
    public int awaitPort(Duration timeout) throws Exception {
        return port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The child process did not end within " + timeout);
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public synchronized String output() {
        return String.join("\n", output);
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (this) {
                    output.add(line);
                }
                if (line.startsWith("PORT ")) {
                    port.complete(Integer.parseInt(line.substring(5).strip()));
                }
            }
        }
        catch (IOException ex) {
            // The process is gone; what it printed so far is kept.
        }
        port.completeExceptionally(new IllegalStateException("The child ended before serving:\n" + output()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

}
