package io.connlint.core.fuzz;

import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.TextFile;
import io.connlint.core.testing.Corpus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.PropagationMode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property-based robustness test of one reader (DESIGN.md "Bad input"): inputs mutated from the
 * real-world corpus (or built-in samples without it), inputs generated from the format's tokens,
 * and hostile shapes (deep nesting, huge repetition, include loops, alias bombs) never let an
 * exception escape, each finishes within {@link #CASE_SECONDS}, and every problem reported has a
 * file of the case, a line inside the file and a column inside the line. Each property runs
 * {@code jqwik.tries.default} cases (pom: {@code connlint.fuzz.tries}) from a fixed seed, or a random one
 * with {@code -Pfuzz} ({@link FuzzSeed}); the counts are printed.
 */
@AddLifecycleHook(value = FuzzSeed.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
abstract class ReaderFuzz {

    /** A case that takes longer is a hang. Generous: the machine is shared. */
    static final int CASE_SECONDS = 10;

    private static final Map<String, AtomicLong> TOTALS = new HashMap<>();
    private static ExecutorService executor = newExecutor();

    /** A seed file: where it came from and its bytes. */
    record Seed(String name, byte[] bytes) {
        String extension() {
            int dot = name.lastIndexOf('.');
            return dot < 0 ? "" : name.substring(dot + 1);
        }
    }

    private final AtomicLong cases = new AtomicLong();
    private final AtomicLong withProblems = new AtomicLong();
    private final AtomicLong slowestNanos = new AtomicLong();
    private String slowest = "";
    private List<Seed> seeds;
    private Path dir;

    // ---- what a reader's test says ------------------------------------------------------------

    /** The reader's name in the output. */
    abstract String reader();

    /** Corpus subdirectories ({@code realworld/<sub>}) whose files seed this reader. */
    abstract List<String> corpusDirectories();

    /** Whether a corpus file of those directories is a seed of this reader. */
    abstract boolean isSeed(String fileName);

    /** Small samples of the format, used besides the corpus (and alone without it). */
    abstract List<String> builtInSeeds();

    /** Keywords and punctuation of the format. */
    abstract List<String> dictionary();

    /**
     * A hostile input of about {@code size} repetitions, of variant {@code variant} (0 to 1023;
     * the costliest shapes, such as include loops, should take only a few variants).
     */
    abstract String hostile(int variant, int size);

    /**
     * Runs the reader on {@code input} as it runs on a project in {@code dir} (writing files with
     * {@link #write} where the reader reads files), returning every problem it reports.
     */
    abstract List<ReadProblem> read(Path dir, Seed seed, byte[] input) throws Exception;

    /** Files every case of a property shares (includes, imports), written once. */
    void fixtures(Path dir) throws IOException {
    }

    // ---- the properties -----------------------------------------------------------------------

    @Provide
    Arbitrary<Integer> seedIndex() {
        return Arbitraries.integers().between(0, seeds().size() - 1);
    }

    /** A few edits of a real file: mostly still parses, so the reader goes deep. */
    @Property
    void mutatedSeedsAreReadSafely(@ForAll("seedIndex") int seed, @ForAll long random) {
        Random r = new Random(random);
        check(seeds().get(seed), Mutator.mutate(seeds().get(seed).bytes(), seedBytes(), dictionary(), r, 3));
    }

    /** Many edits: far from any valid file. */
    @Property
    void heavilyMutatedSeedsAreReadSafely(@ForAll("seedIndex") int seed, @ForAll long random) {
        Random r = new Random(random);
        check(seeds().get(seed), Mutator.mutate(seeds().get(seed).bytes(), seedBytes(), dictionary(), r, 30));
    }

    /** Files made of the format's tokens. */
    @Property
    void generatedFilesAreReadSafely(@ForAll("seedIndex") int seed, @ForAll long random) {
        Random r = new Random(random);
        check(seeds().get(seed), Mutator.generate(dictionary(), r));
    }

    /** Deep nesting, repetition, loops and bombs, sometimes mutated. */
    @Property
    void hostileFilesAreReadSafely(@ForAll("seedIndex") int seed, @ForAll long random) {
        Random r = new Random(random);
        int size = r.nextInt(16) == 0 ? 1 + r.nextInt(5000) : 1 + r.nextInt(100);
        byte[] input = Mutator.bytes(hostile(r.nextInt(1024), size));
        if (r.nextBoolean()) {
            input = Mutator.mutate(input, seedBytes(), dictionary(), r, 4);
        }
        check(seeds().get(seed), input);
    }

    @AfterProperty
    void report() throws IOException {
        long total;
        synchronized (TOTALS) {
            total = TOTALS.computeIfAbsent(reader(), k -> new AtomicLong()).addAndGet(cases.get());
        }
        System.out.printf("fuzz %-16s %7d cases (%d reported problems), slowest %d ms; %d cases of this reader so far%n",
                reader(), cases.get(), withProblems.get(), TimeUnit.NANOSECONDS.toMillis(slowestNanos.get()), total);
        if (slowestNanos.get() > TimeUnit.MILLISECONDS.toNanos(500)) {
            System.out.println("  slowest case: " + slowest.replace("\n", " "));
        }
        if (dir != null) {
            delete(dir);
        }
    }

    // ---- one case -----------------------------------------------------------------------------

    private void check(Seed seed, byte[] input) {
        Path caseDir = dir();
        cases.incrementAndGet();
        long start = System.nanoTime();
        Future<List<ReadProblem>> future = executor.submit(() -> {
            TextFile.Limits limits = new TextFile.Limits(caseDir, TextFile.MAX_BYTES, false);
            return TextFile.within(limits, () -> {
                try {
                    return read(caseDir, seed, input);
                } catch (TextFile.Unreadable e) {
                    return List.of(e.problem());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        });
        List<ReadProblem> problems;
        try {
            problems = future.get(CASE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            executor.shutdownNow();
            executor = newExecutor();
            fail(reader() + " took more than " + CASE_SECONDS + " s on input from " + seed.name() + ":\n" + show(input));
            return;
        } catch (ExecutionException e) {
            StringWriter trace = new StringWriter();
            e.getCause().printStackTrace(new PrintWriter(trace));
            fail(reader() + " threw on input from " + seed.name() + ":\n" + show(input) + "\n" + trace);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long took = System.nanoTime() - start;
        if (took > slowestNanos.get()) {
            slowestNanos.set(took);
            slowest = seed.name() + ", " + input.length + " bytes: " + show(java.util.Arrays.copyOf(input,
                    Math.min(input.length, 300)));
        }
        if (!problems.isEmpty()) {
            withProblems.incrementAndGet();
        }
        Map<Path, int[]> shapes = new HashMap<>(); // lines and longest line per file, measured once a case
        for (ReadProblem p : problems) {
            String where = where(caseDir, p.at(), shapes);
            if (where != null) {
                fail(reader() + " reported a problem " + where + ": " + p + "\ninput from " + seed.name() + ":\n"
                        + show(input));
            }
            if (p.message().isBlank()) {
                fail(reader() + " reported a problem without a message at " + p.at());
            }
        }
    }

    /** Why {@code at} is not a place in a file of the case, or null when it is. */
    private static String where(Path caseDir, SourceLocation at, Map<Path, int[]> shapes) {
        Path file = caseDir.resolve(at.path());
        if (at.path().isEmpty() || !file.normalize().startsWith(caseDir)) {
            return "outside the project (" + at.path() + ")";
        }
        if (!Files.exists(file) || Files.isDirectory(file)) {
            return at.line() == 1 && at.column() == 1 ? null : "in a file that does not exist at " + at;
        }
        int[] shape = shapes.get(file);
        if (shape == null) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                return at.line() == 1 && at.column() == 1 ? null : "in an unreadable file at " + at;
            }
            shape = shape(bytes);
            shapes.put(file, shape);
        }
        int lines = shape[0];
        int longest = shape[1];
        if (at.line() > lines + 1) {
            return "at line " + at.line() + " of a file of " + lines + " lines (" + at + ")";
        }
        if (at.column() > longest + 2) {
            return "at column " + at.column() + " beyond the longest line, " + longest + " bytes (" + at + ")";
        }
        return null;
    }

    /** The number of lines and the longest line of a file, as generous as the readers' line ends allow. */
    private static int[] shape(byte[] bytes) {
        // readers differ on whether a lone CR ends a line (mysqld: no; YAML, Python: yes): allow both
        // and snakeyaml (YAML 1.1) also ends lines at NEL, LS and PS
        String unicode = new String(bytes, StandardCharsets.UTF_8);
        int lines = Math.max(Math.max(count(bytes, false), count(bytes, true)),
                unicode.split("\r\n|[\n\r\u0085\u2028\u2029]", -1).length);
        int longest = Math.max(longest(bytes, false), longest(bytes, true));
        return new int[] {lines, longest};
    }

    private static int count(byte[] bytes, boolean loneCr) {
        int lines = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || (loneCr && bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'))) {
                lines++;
            }
        }
        return lines;
    }

    private static int longest(byte[] bytes, boolean loneCr) {
        int longest = 0;
        int current = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\n' || (loneCr && b == '\r')) {
                longest = Math.max(longest, current);
                current = 0;
            } else {
                current++;
            }
        }
        return Math.max(longest, current);
    }

    // ---- helpers for readers ------------------------------------------------------------------

    /** Writes {@code bytes} to {@code dir/name}, creating directories. */
    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    /** Writes the input (for the location checks) and decodes it as TextFile.read would. */
    static TextFile decode(Path dir, String name, byte[] bytes) throws IOException, TextFile.Unreadable {
        write(dir, name, bytes);
        return TextFile.decode(bytes, name);
    }

    // ---- seeds and files ----------------------------------------------------------------------

    final List<Seed> seeds() {
        if (seeds == null) {
            List<Seed> list = new ArrayList<>();
            int i = 0;
            for (String sample : builtInSeeds()) {
                list.add(new Seed("built-in-" + (i++) + "." + builtInExtension(sample), Mutator.bytes(sample)));
            }
            for (String sub : corpusDirectories()) {
                Optional<Path> corpus = Corpus.realworldIfPresent(sub);
                if (corpus.isEmpty()) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(corpus.get())) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        if (isSeed(f.getFileName().toString())) {
                            list.add(new Seed(sub + "/" + f.getFileName(), Files.readAllBytes(f)));
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            seeds = List.copyOf(list);
        }
        return seeds;
    }

    /** The extension a built-in sample stands for (the Spring reader has two formats). */
    String builtInExtension(String sample) {
        return "txt";
    }

    private List<byte[]> seedBytes() {
        return seeds().stream().map(Seed::bytes).toList();
    }

    private Path dir() {
        if (dir == null) {
            try {
                Path shm = Path.of("/dev/shm");
                dir = Files.isDirectory(shm) && Files.isWritable(shm)
                        ? Files.createTempDirectory(shm, "connlint-fuzz-")
                        : Files.createTempDirectory("connlint-fuzz-");
                dir = dir.toRealPath();
                fixtures(dir);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return dir;
    }

    private static void delete(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-reader");
            t.setDaemon(true);
            return t;
        });
    }

    /** The input for a failure message: escaped, cut after 4000 characters. */
    static String show(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\n') {
                sb.append("\\n\n");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
            if (sb.length() > 4000) {
                sb.append("… (").append(input.length).append(" bytes)");
                break;
            }
        }
        return sb.toString();
    }
}
