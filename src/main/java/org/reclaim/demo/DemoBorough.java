package org.reclaim.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.authorities.PreceptorKind;
import org.reclaim.authorities.PublishedPrecept;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.reclaim.support.AdvicePartners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the synthetic demo borough in one transaction: a crash half-way leaves nothing, and a second load is a no-op
 * (the demo_seed row says it was done). Rows are generated on one thread and streamed with COPY on another, so the
 * two cores of a small server both work.
 */
@Service
public class DemoBorough {

    /** What a load did: rows by table and how long it took. */
    public record Report(boolean loaded, int dwellings, Map<String, Long> rows, double seconds) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static final long SEED = 20_260_401L;
    static final FinancialYear CHARGED_YEAR = FinancialYear.of(2025);
    static final List<FinancialYear> CONFIGURED_YEARS = List.of(FinancialYear.of(2025), FinancialYear.of(2026));
    private static final Logger log = LoggerFactory.getLogger(DemoBorough.class);
    private static final CopyChunk END = new CopyChunk("", "", "", 0);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Authorities authorities;
    private final AdvicePartners advicePartners;
    private final Clock clock;

    DemoBorough(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, Authorities authorities,
                AdvicePartners advicePartners, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.authorities = authorities;
        this.advicePartners = advicePartners;
        this.clock = clock;
    }

    public boolean isLoaded() {
        return jdbc.sql("select exists (select 1 from demo_seed where seed_key = 'demo-borough')").query(Boolean.class).single();
    }

    /** Loads the demo with about this many dwellings (plus businesses, tenancies and debts in proportion), unless loaded. */
    public Report load(int dwellings) {
        if (dwellings < 10 || dwellings > 20_000_000) {
            throw new IllegalArgumentException("reclaim.demo.dwellings must be between 10 and 20,000,000");
        }
        long started = System.nanoTime();
        Map<String, Long> rows = transactions.execute(status -> loadInTransaction(dwellings));
        double seconds = (System.nanoTime() - started) / 1e9;
        Report report = new Report(rows != null, dwellings, rows == null ? Map.of() : rows, seconds);
        if (report.loaded()) {
            log.info("Demo borough loaded: {} dwellings, {} rows in {} s", dwellings, report.totalRows(), String.format("%.1f", seconds));
        }
        return report;
    }

    private @Nullable Map<String, Long> loadInTransaction(int dwellings) {
        // one loader at a time across every node of the installation
        jdbc.sql("select pg_advisory_xact_lock(hashtext('reclaim-demo-borough'))").query(Object.class).single();
        if (isLoaded()) {
            return null;
        }
        jdbc.sql("set local synchronous_commit = off").update();   // demo data: a crash just means loading again
        if (jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()) {
            // the generated rows are consistent by construction: skip the per-row foreign key triggers (superuser only)
            jdbc.sql("set local session_replication_role = replica").update();
        }
        String now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).toString();
        Vocabulary words = Vocabulary.load();
        Map<String, Map<Integer, Map<CouncilTaxBand, Money>>> charges = publishedCharges();
        List<DemoPopulation> populations = new ArrayList<>();
        for (DemoCouncil council : DemoCouncil.ALL) {
            BillingAuthority authority = authorities.findByGssCode(council.gssCode()).orElseGet(() ->
                    authorities.create(council.gssCode(), council.name(), council.kind(), council.referencePrefix()));
            council.bodies().forEach(b -> authorities.preceptingBody(authority.id(), b.name(), b.kind()));
            CONFIGURED_YEARS.forEach(year -> configureFromPublished(council, authority, year));
            DemoAdvicePartners.of(council).forEach(partner -> advicePartners.add(authority.id(), partner));
            DemoPopulation.Size size = DemoPopulation.Size.of(council, dwellings);
            DemoPopulation.IdBases ids = new DemoPopulation.IdBases(reserve("property", size.properties()),
                    reserve("party", size.partiesAtMost()), reserve("account", size.accounts()));
            Map<CouncilTaxBand, Money> bandCharges = charges.getOrDefault(council.gssCode(), Map.of())
                    .getOrDefault(CHARGED_YEAR.startYear(), Map.of());
            populations.add(new DemoPopulation(council, authority.id(), size, ids, words, bandCharges, CHARGED_YEAR, now, SEED));
        }
        List<String> deferredIndexes = deferSecondaryIndexes();
        Map<String, Long> rows = copyAll(populations);
        deferredIndexes.forEach(definition -> jdbc.sql(definition).update());
        jdbc.sql("insert into demo_seed (seed_key, dwellings, seeded_at) values ('demo-borough', ?, ?)")
                .params(dwellings, OffsetDateTime.now(clock)).update();
        jdbc.sql("analyze").update();
        return rows;
    }

    /**
     * On a fresh database, drops the secondary indexes of the loaded tables for the load and returns their definitions
     * to rebuild them afterwards: one sorted build is several times faster than a million inserts into each index.
     * DROP INDEX is transactional, so a failed load leaves every index in place. Indexes that back a primary key or
     * unique index stay. On a database that already holds accounts nothing is dropped.
     */
    private List<String> deferSecondaryIndexes() {
        if (jdbc.sql("select exists (select 1 from account)").query(Boolean.class).single()) {
            return List.of();
        }
        List<Map.Entry<String, String>> indexes = jdbc.sql("""
                select i.indexname, i.indexdef from pg_indexes i
                where i.schemaname = current_schema()
                  and i.tablename in ('property', 'party', 'contact_point', 'party_flag', 'account', 'account_party', 'ledger_entry')
                  and not exists (select 1 from pg_index x where x.indexrelid = to_regclass(i.schemaname || '.' || i.indexname)
                                                             and (x.indisunique or x.indisprimary))""")
                .query((rs, n) -> Map.entry(rs.getString("indexname"), rs.getString("indexdef"))).list();
        indexes.forEach(i -> jdbc.sql("drop index " + i.getKey()).update());
        return indexes.stream().map(Map.Entry::getValue).toList();
    }

    /**
     * Reserves a block of ids from a table's identity sequence and returns its first id. The demo loads before this
     * node takes requests; another node inserting at that very moment could draw an id inside the block, and would
     * then fail on the primary key (nothing is overwritten). Load the demo on a quiet installation.
     */
    private long reserve(String table, int count) {
        return jdbc.sql("select setval(seq, nextval(seq) + :count - 1) - :count + 1 from pg_get_serial_sequence(:table, 'id') as seq")
                .param("table", table).param("count", count)
                .query(Long.class).single();
    }

    /** Generates on a second thread while this one streams the chunks into PostgreSQL with COPY. */
    private Map<String, Long> copyAll(List<DemoPopulation> populations) {
        Map<String, Long> counts = new LinkedHashMap<>();
        BlockingQueue<CopyChunk> queue = new ArrayBlockingQueue<>(8);
        ExecutorService generator = Executors.newSingleThreadExecutor(r -> new Thread(r, "demo-generator"));
        try {
            Future<?> produced = generator.submit(() -> {
                try {
                    for (DemoPopulation p : populations) {
                        p.generate(chunk -> put(queue, chunk));
                    }
                } finally {
                    put(queue, END);
                }
            });
            Connection connection = DataSourceUtils.getConnection(dataSource);
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (CopyChunk chunk = queue.take(); chunk != END; chunk = queue.take()) {
                copy.copyIn(chunk.copySql(), new StringReader(chunk.rows()));
                counts.merge(chunk.table(), (long) chunk.count(), Long::sum);
            }
            produced.get();
            return counts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo load interrupted", e);
        } catch (SQLException | IOException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("demo load failed: " + e.getMessage(), e);
        } finally {
            generator.shutdownNow();
        }
    }

    private static void put(BlockingQueue<CopyChunk> queue, CopyChunk chunk) {
        try {
            queue.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sets the year's precepts from the published Band D figures (table published_precept) when every authority-wide
     * body of the council has one; a year with a body missing is left unset, as a bill from part of it would be wrong.
     */
    private void configureFromPublished(DemoCouncil council, BillingAuthority authority, FinancialYear year) {
        List<PublishedPrecept> published = authorities.publishedPrecepts(council.gssCode(), year);
        boolean complete = council.bodies().stream().filter(b -> b.kind() != PreceptorKind.PARISH)
                .allMatch(b -> published.stream().anyMatch(p -> p.parish() == null && p.bodyName().equals(b.name())));
        if (complete && authorities.councilTax(authority.id(), year).isEmpty()) {
            authorities.replacePrecepts(authority.id(), year, published.stream()
                    .map(p -> new Authorities.PreceptSetting(p.bodyName(), p.kind(), p.bandD(), p.source(), p.parish())).toList());
        }
    }

    /** The published band totals the demo charges (resource demo/council-tax-band-totals.csv, each row with its source). */
    static Map<String, Map<Integer, Map<CouncilTaxBand, Money>>> publishedCharges() {
        try (InputStream in = DemoBorough.class.getResourceAsStream("/demo/council-tax-band-totals.csv")) {
            if (in == null) {
                throw new IllegalStateException("demo/council-tax-band-totals.csv is missing from the classpath");
            }
            Map<String, Map<Integer, Map<CouncilTaxBand, Money>>> result = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                result.computeIfAbsent(f[0], k -> new LinkedHashMap<>())
                        .computeIfAbsent(Integer.parseInt(f[1]), k -> new EnumMap<>(CouncilTaxBand.class))
                        .put(CouncilTaxBand.parse(f[2]), Money.ofPence(Long.parseLong(f[3])));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
