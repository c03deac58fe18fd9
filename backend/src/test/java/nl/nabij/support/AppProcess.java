package nl.nabij.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application, or another main class of the test class path, in a JVM of its own: the only way to test what a
 * second process sees over Bolt, and what survives a {@code kill -9}.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int httpPort;

    private AppProcess(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /** Starts a main class of this class path with the given arguments, its output going to {@code log}. */
    public static AppProcess start(String mainClass, Path log, int httpPort, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new AppProcess(process, log, httpPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the GraphQL endpoint answers, failing with the process's log when it dies or takes too long; one that
     * takes too long is killed, since the caller never gets it to close.
     */
    public AppProcess awaitGraphQl(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ apiVersion }\"}"))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the process ended early; its log:\n" + logText());
            }
            try {
                // Any answer will do: a 401 also shows the application is up and serving.
                int status =
                        http.send(probe, HttpResponse.BodyHandlers.ofString()).statusCode();
                if (status == 200 || status == 401) {
                    return this;
                }
            } catch (IOException notYetListening) {
                Thread.sleep(250);
            }
        }
        kill();
        throw new IllegalStateException("no answer within " + timeout + "; log:\n" + logText());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int httpPort() {
        return httpPort;
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("still running after " + timeout + "; log:\n" + logText());
        }
        return process.exitValue();
    }

    /** SIGTERM: the JVM runs its shutdown hooks, so the database shuts down cleanly. */
    public int stop() throws InterruptedException {
        process.destroy();
        return awaitExit(Duration.ofSeconds(60));
    }

    /** SIGTERM, without waiting: to watch what the process does while it shuts down. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: the process dies at once, as in a power cut of the application's machine. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
