package org.hcp.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a phase of {@code ./hcp bench} spent the machine's CPU: the busy share of all cores (from /proc/stat) and each
 * process's share (utime + stime from /proc/PID/stat): the services and the stack by their pid files, PostgreSQL as
 * the sum of every process named postgres, and the bench itself. It answers "what limits this figure" with a measure
 * rather than a guess: a saturated machine and who used it.
 */
final class CpuUse {

    /**
     * One reading: clock ticks per name, PostgreSQL's ticks by what its processes serve (a database's connections,
     * autovacuum, the WAL writer and checkpointer), and the machine's busy and total ticks across all cores.
     */
    record Reading(Map<String, Long> ticks, Map<String, Long> postgres, long busy, long total) {
    }

    /** The shares of one interval, each of the whole machine (all cores = 100 %). */
    record Shares(double machineBusy, Map<String, Double> byProcess, Map<String, Double> postgres,
            double cpuSeconds) {
    }

    private final Path pids;

    CpuUse(Path pids) {
        this.pids = pids;
    }

    Reading read() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(pids)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
                ticks.put(file.getFileName().toString().replace(".pid", ""),
                        processTicks(Long.parseLong(Files.readString(file).trim())));
            }
        } catch (IOException | RuntimeException e) {
            // no pid files: only the machine and PostgreSQL are read
        }
        Map<String, Long> postgres = new LinkedHashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                if (isPostgres(proc)) {
                    postgres.merge(postgresPart(proc), processTicks(Long.parseLong(proc.getFileName().toString())),
                            Long::sum);
                }
            }
        } catch (IOException e) {
            // /proc unreadable: PostgreSQL's share stays 0
        }
        ticks.put("postgresql", postgres.values().stream().mapToLong(Long::longValue).sum());
        ticks.put("bench", processTicks(ProcessHandle.current().pid()));
        long busy = 0;
        long total = 0;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i < cpu.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                long v = Long.parseLong(cpu[i]);
                total += v;
                if (i != 4 && i != 5) {
                    busy += v;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no machine share
        }
        return new Reading(ticks, postgres, busy, total);
    }

    static Shares between(Reading before, Reading after) {
        double total = Math.max(1, after.total() - before.total());
        Map<String, Double> byProcess = new LinkedHashMap<>();
        after.ticks().forEach((name, t) -> byProcess.put(name,
                Math.max(0, t - before.ticks().getOrDefault(name, t)) / total));
        // A connection opened during the interval counts from 0; one closed in it is lost (pools keep theirs).
        Map<String, Double> postgres = new LinkedHashMap<>();
        after.postgres().forEach((part, t) -> postgres.put(part,
                Math.max(0, t - before.postgres().getOrDefault(part, 0L)) / total));
        // /proc/stat counts USER_HZ ticks, 100 per second on Linux
        return new Shares((after.busy() - before.busy()) / total, byProcess, postgres,
                (after.busy() - before.busy()) / 100.0);
    }

    private static boolean isPostgres(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).trim().equals("postgres");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What a PostgreSQL process serves, from the title it sets ({@code postgres: USER DATABASE HOST STATE} for a
     * connection): the database, or its background work.
     */
    private static String postgresPart(Path proc) {
        try {
            String title = Files.readString(proc.resolve("cmdline")).replace('\0', ' ').trim();
            if (!title.startsWith("postgres: ")) {
                return "postmaster";
            }
            String[] words = title.substring("postgres: ".length()).split("\\s+");
            if (words[0].equals("autovacuum")) {
                return "autovacuum";
            } else if (List.of("checkpointer", "walwriter", "background").contains(words[0])) {
                return "wal and checkpoints";
            }
            return words.length >= 3 && words[2].contains("(") ? words[1] : "other";
        } catch (IOException e) {
            return "other";
        }
    }

    /** utime + stime of a process, 0 when it is gone. */
    private static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command may hold spaces and parentheses: fields count from the last ')'
            List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            return Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
