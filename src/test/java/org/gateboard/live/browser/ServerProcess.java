package org.gateboard.live.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measured server as seen from outside its JVM: its CPU time and threads from /proc and its live heap
 * through jcmd.
 */
record ServerProcess(long pid) {

    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)");
    private static final long CLOCK_TICKS = 100;

    /** User plus system CPU the process has used, in seconds. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLOCK_TICKS;
    }

    /** The process's threads now, from /proc (Atmosphere's write threads among them). */
    int threads() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring("Threads:".length()).trim());
            }
        }
        return -1;
    }

    /**
     * Live heap in bytes after a full GC (the class histogram forces one), the histogram kept in {@code file}.
     * HotSpot skips that GC, and counts dead objects too, when a thread is inside a JNI critical section at
     * that moment, which with hundreds of WebSockets compressing (zlib) is often: the smallest of three
     * histograms is the one taken after a real collection.
     */
    long liveHeap(Path file) throws IOException, InterruptedException {
        long smallest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            String histogram = jcmd("GC.class_histogram");
            Matcher m = TOTAL.matcher(histogram);
            long total = m.find() ? Long.parseLong(m.group(2)) : Long.MAX_VALUE;
            if (total < smallest) {
                smallest = total;
                Files.writeString(file, histogram);
            }
        }
        return smallest == Long.MAX_VALUE ? -1 : smallest;
    }

    String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }
}
