package org.gateboard.testsupport;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Redis server of the test's own (Debian's {@code redis-server}, keeping nothing on disk) on a free port, so
 * a test may stop and start it without touching a Redis anyone else uses. A test that needs it is skipped,
 * saying why, where {@code redis-server} is not installed (`.ci/run` installs it).
 */
public final class TestRedis {

    private final int port;
    private final Path dir;
    private Process process;

    private TestRedis(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static TestRedis start() {
        String binary = findBinary();
        Assumptions.assumeTrue(binary != null,
                "redis-server is not installed (Debian package redis-server): the cluster tests need a real Redis");
        int port;
        Path dir;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
            dir = Files.createTempDirectory("gateboard-redis");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        TestRedis redis = new TestRedis(port, dir);
        redis.startAgain();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server (again) on its port, and waits until it answers. */
    public synchronized void startAgain() {
        try {
            process = new ProcessBuilder(findBinary(), "--bind", "127.0.0.1", "--port", String.valueOf(port),
                    "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!answers()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("redis-server did not start on port " + port);
            }
            Thread.onSpinWait();
        }
    }

    /** Stops the server at once (as a crash would) and waits until it is gone. */
    public synchronized void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop() {
        kill();
    }

    private boolean answers() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int n = in.read(reply);
            return n > 0 && new String(reply, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static String findBinary() {
        for (String dir : (System.getenv("PATH") + File.pathSeparator + "/usr/bin:/usr/sbin").split(File.pathSeparator)) {
            File f = new File(dir, "redis-server");
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }
}
