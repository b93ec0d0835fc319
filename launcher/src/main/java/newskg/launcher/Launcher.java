package newskg.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.internal.Version;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs Neo4j Community embedded with Bolt on a loopback port, for development and tests.
 *
 * <pre>
 * java -Xmx512m -XX:+UseG1GC -jar launcher/target/neo4j-launcher.jar \
 *      --data-dir DIR [--port 0] [--host 127.0.0.1] [--page-cache 256m] \
 *      [--tx-memory-total SIZE] [--tx-memory-max SIZE] [--log-level INFO] [--ignore-stdin]
 * </pre>
 *
 * Contract with the parent process:
 * <ul>
 *   <li>stdout carries exactly one line, once Bolt accepts queries:
 *       {@code NEO4J_READY {"uri":"bolt://127.0.0.1:PORT",...}}; everything else goes to stderr
 *       (Neo4j's user log) or DIR/logs/debug.log (Neo4j's debug log).</li>
 *   <li>SIGTERM / SIGINT shut the database down cleanly (shutdown hook).</li>
 *   <li>EOF on stdin means the parent is gone: shut down cleanly and exit 0
 *       (disable with --ignore-stdin when running by hand in the background).</li>
 *   <li>If another launcher holds DIR, exit 3 at once with one line on stderr containing
 *       "is in use by another Neo4j process (store lock held)"; the store is not touched.</li>
 * </ul>
 * Exit codes: 0 clean stop, 1 start failure, 2 usage error, 3 data directory in use,
 * 143/130 after SIGTERM/SIGINT.
 */
public final class Launcher {
    static final String READY_PREFIX = "NEO4J_READY ";
    static final String LOCK_FILE_NAME = "launcher.lock";
    /**
     * Names a neo4j.conf-style file of further settings, applied before the launcher's own:
     * the test run's JVMs plan differently from a server's (test/helpers/neo4j-test.conf);
     * the API, the CLIs and the bench never set it.
     */
    static final String SETTINGS_FILE_VARIABLE = "NKG_NEO4J_SETTINGS";
    static final int EXIT_START_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_IN_USE = 3;

    private static final String USAGE = "usage: java [-Xmx512m] -jar neo4j-launcher.jar --data-dir DIR [--port N (0 = any free port)]"
            + " [--host 127.0.0.1] [--page-cache 256m] [--tx-memory-total SIZE] [--tx-memory-max SIZE]"
            + " [--log-level DEBUG|INFO|WARN|ERROR|NONE] [--ignore-stdin]";

    private final Options options;
    private final CountDownLatch startupFinished = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile DatabaseManagementService dbms;
    private FileChannel lockChannel;
    private FileLock lock;
    private Log4jLogProvider userLog;

    private Launcher(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        // Keep stdout for the ready line only: anything else printing to System.out lands on stderr.
        PrintStream protocolOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);

        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("neo4j-launcher: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        if (options.help) {
            System.err.println(USAGE);
            System.exit(0);
            return;
        }
        int exitCode = new Launcher(options).run(protocolOut);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    private int run(PrintStream protocolOut) {
        Path home = options.dataDir;
        try {
            Files.createDirectories(home);
            home = home.toRealPath();
        } catch (IOException e) {
            System.err.println("neo4j-launcher: cannot create data directory " + options.dataDir + ": " + e);
            return EXIT_START_FAILED;
        }

        // 1. Our own lock first: a second launcher fails here without Neo4j touching the store.
        try {
            if (!acquireLock(home)) {
                System.err.println(inUseMessage(home, readLockOwner(home)));
                return EXIT_IN_USE;
            }
        } catch (IOException e) {
            System.err.println("neo4j-launcher: cannot lock data directory " + home + ": " + e);
            return EXIT_START_FAILED;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "neo4j-launcher-shutdown"));
        if (!options.ignoreStdin) {
            startStdinWatcher();
        }

        // 2. Start Neo4j.
        long startNanos = System.nanoTime();
        GraphDatabaseService db;
        try {
            long heap = Runtime.getRuntime().maxMemory();
            long txTotal = options.txMemoryTotal != null ? options.txMemoryTotal : heap / 2;
            long txMax = options.txMemoryMax != null ? options.txMemoryMax : Math.min(txTotal, heap / 4);
            userLog = new Log4jLogProvider(System.err, options.logLevel);
            DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
            String extraSettings = System.getenv(SETTINGS_FILE_VARIABLE);
            if (extraSettings != null && !extraSettings.isBlank()) {
                builder.loadPropertiesFromFile(Path.of(extraSettings));
            }
            dbms = builder
                    .setUserLogProvider(userLog)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(options.host, options.port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCache)
                    .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, txTotal)
                    .setConfig(GraphDatabaseSettings.memory_transaction_max_size, txMax)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // A transaction is cancelled at its timeout only when this monitor next looks
                    // (2 s by default): the API's deadlines need it within a tenth of a second.
                    .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100))
                    // Small dev/test stores: don't preallocate 256 MiB transaction log files.
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                    // Netty's default 5 s quiet period would add 5 s to every stop; open Bolt
                    // connections are still closed before the event loops go away.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                    .build();
            db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(TimeUnit.MINUTES.toMillis(5))) {
                throw new IllegalStateException("database '" + GraphDatabaseSettings.DEFAULT_DATABASE_NAME
                        + "' did not become available");
            }
        } catch (Throwable t) {
            startupFinished.countDown();
            if (isLockFailure(t)) {
                System.err.println(inUseMessage(home, null));
                return EXIT_IN_USE;
            }
            System.err.println("neo4j-launcher: failed to start Neo4j in " + home + ": " + rootMessage(t));
            t.printStackTrace(System.err);
            return EXIT_START_FAILED;
        }

        HostnamePort bolt = ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        String version = Version.getNeo4jVersion();
        startupFinished.countDown();

        String host = options.host;
        int port = bolt.getPort();
        String uri = "bolt://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        String json = "{"
                + "\"uri\":" + json(uri)
                + ",\"host\":" + json(host)
                + ",\"port\":" + port
                + ",\"pid\":" + ProcessHandle.current().pid()
                + ",\"version\":" + json(version)
                + ",\"edition\":\"community\""
                + ",\"dataDir\":" + json(home.toString())
                + ",\"heapMaxBytes\":" + Runtime.getRuntime().maxMemory()
                + ",\"pageCacheBytes\":" + options.pageCache
                + ",\"java\":" + json(Runtime.version().toString())
                + ",\"startMillis\":" + startMillis
                + "}";
        protocolOut.println(READY_PREFIX + json);
        protocolOut.flush();
        warmUpCypher(db);

        // Park the main thread; the process ends via the shutdown hook (signal or stdin EOF).
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Compiles a first query in the background so the first client query does not pay the whole
     * Cypher warm-up (about 2 s on a cold JVM). Failures are irrelevant and ignored.
     */
    private static void warmUpCypher(GraphDatabaseService db) {
        Thread warmUp = new Thread(() -> {
            try (Transaction tx = db.beginTx();
                    Result result = tx.execute("MATCH (n:NeoLauncherWarmUp {key: $key}) RETURN count(n) AS c", Map.of("key", ""))) {
                result.resultAsString();
            } catch (RuntimeException e) {
                // ignored: only a warm-up
            }
        }, "neo4j-launcher-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private boolean acquireLock(Path home) throws IOException {
        Path lockFile = home.resolve(LOCK_FILE_NAME);
        lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            lockChannel = null;
            return false;
        }
        byte[] owner = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
        lockChannel.truncate(0);
        lockChannel.write(ByteBuffer.wrap(owner), 0);
        lockChannel.force(false);
        return true;
    }

    private static String readLockOwner(Path home) {
        try {
            String pid = Files.readString(home.resolve(LOCK_FILE_NAME), StandardCharsets.US_ASCII).trim();
            return pid.matches("\\d+") ? pid : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String inUseMessage(Path home, String ownerPid) {
        return "neo4j-launcher: data directory " + home + " is in use by another Neo4j process"
                + (ownerPid != null ? " (pid " + ownerPid + ")" : "") + " (store lock held)";
    }

    private static boolean isLockFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String name = c.getClass().getName();
            if (name.equals("org.neo4j.io.locker.FileLockException")
                    || name.equals("org.neo4j.io.pagecache.impl.FileLockException")) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message != null ? ": " + message.replace('\n', ' ') : "");
    }

    private void startStdinWatcher() {
        Thread watcher = new Thread(() -> {
            byte[] buffer = new byte[256];
            try (InputStream in = System.in) {
                while (in.read(buffer) >= 0) {
                    // Input is ignored; only EOF matters.
                }
            } catch (IOException e) {
                // Treat a broken stdin like EOF.
            }
            System.err.println("neo4j-launcher: stdin closed (parent process gone), shutting down");
            System.exit(0);
        }, "neo4j-launcher-stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void shutdown() {
        try {
            // If we are asked to stop while Neo4j is still starting, let the start finish first so
            // the store is closed cleanly rather than cut off mid-recovery.
            startupFinished.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        DatabaseManagementService service = dbms;
        if (service != null) {
            System.err.println("neo4j-launcher: shutting down Neo4j");
            try {
                service.shutdown();
                System.err.println("neo4j-launcher: Neo4j stopped");
            } catch (Throwable t) {
                System.err.println("neo4j-launcher: error while shutting down: " + rootMessage(t));
            }
        }
        if (userLog != null) {
            userLog.close();
        }
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // The OS drops the lock when the process exits anyway.
        }
        stopped.countDown();
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static final class Options {
        Path dataDir;
        String host = "127.0.0.1";
        int port = 0;
        long pageCache = ByteUnit.mebiBytes(256);
        Long txMemoryTotal;
        Long txMemoryMax;
        Level logLevel = Level.INFO;
        boolean ignoreStdin;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                switch (arg) {
                    case "--help", "-h" -> o.help = true;
                    case "--ignore-stdin" -> o.ignoreStdin = true;
                    case "--data-dir", "--port", "--host", "--page-cache", "--tx-memory-total", "--tx-memory-max",
                            "--log-level" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new IllegalArgumentException("missing value for " + arg);
                            }
                            value = args[++i];
                        }
                        o.set(arg, value);
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + arg);
                }
            }
            if (o.dataDir == null && !o.help) {
                throw new IllegalArgumentException("--data-dir is required");
            }
            return o;
        }

        private void set(String flag, String value) {
            switch (flag) {
                case "--data-dir" -> dataDir = Path.of(value).toAbsolutePath().normalize();
                case "--host" -> host = value;
                case "--port" -> {
                    try {
                        port = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port must be a number, got " + value);
                    }
                    if (port < 0 || port > 65535) {
                        throw new IllegalArgumentException("--port must be in 0..65535, got " + value);
                    }
                }
                case "--page-cache" -> pageCache = bytes(flag, value);
                case "--tx-memory-total" -> txMemoryTotal = bytes(flag, value);
                case "--tx-memory-max" -> txMemoryMax = bytes(flag, value);
                case "--log-level" -> {
                    try {
                        logLevel = Level.valueOf(value.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--log-level must be DEBUG, INFO, WARN, ERROR or NONE, got " + value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument: " + flag);
            }
        }

        private static long bytes(String flag, String value) {
            try {
                return ByteUnit.parse(value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(flag + " must be a size such as 256m or 1g, got " + value);
            }
        }
    }
}
