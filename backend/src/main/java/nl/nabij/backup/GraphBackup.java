package nl.nabij.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import nl.nabij.api.Digests;
import nl.nabij.audit.AuditQueries;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole graph to one file and back. The backup runs in one transaction that first locks the head of the audit
 * chain and then every audit lane: every change of personal data, every administrative change and every audited read
 * writes its event through a lane, so none of them can commit while the file is written, and what it holds is one
 * consistent state. It then seals the events still unsealed, so the file holds a whole chain and a restore changes
 * nothing. The lanes themselves are structure the migrations make, not data, so they are not in the file. The digest hashes every node by its
 * labels and properties and every relationship by its type, properties and the hashes of its ends, so it is the same
 * for a store and its restore, whatever internal ids they use.
 */
@Component
public class GraphBackup {

    static final String FORMAT = "nabij-backup";
    private static final int BATCH = 5_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** As many lanes as the migrations make: enough that writers rarely wait for each other on one. */
    static final int LANES = 32;

    /** What {@link WriteLanes} runs as the last statement of every read-write transaction. */
    static final String LOCK_ONE_LANE =
            """
            MATCH (lane:AuditLane {number: $lane})
            SET lane.locked = true REMOVE lane.locked
            """;

    /** The head first, then the lanes in order: the order the sealer and the retention rule lock in too. */
    private static final String CLOSE_AUDIT_LANES =
            """
            MATCH (c:AuditChain {id: 'nabij'}) SET c.backingUp = true REMOVE c.backingUp
            WITH c
            MATCH (l:AuditLane) WITH l ORDER BY l.number
            SET l.locked = true REMOVE l.locked
            """;

    private static final String NODES =
            """
            MATCH (n) WHERE NOT n:AuditLane AND NOT any(label IN labels(n) WHERE label STARTS WITH '__')
            RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties
            """;

    private static final String RELATIONSHIPS =
            """
            MATCH (s)-[r]->(e)
            WHERE NOT any(label IN labels(s) + labels(e) WHERE label STARTS WITH '__')
            RETURN elementId(r) AS id, type(r) AS type, elementId(s) AS start, elementId(e) AS end,
                   properties(r) AS properties
            """;

    private static final String HOLDS_DATA =
            """
            MATCH (n) WHERE NOT n:AuditChain AND NOT n:AuditLane AND NOT any(label IN labels(n) WHERE label STARTS WITH '__')
            RETURN collect(DISTINCT labels(n)[0])[..5] AS value
            """;

    private static final String CREATE_NODES =
            """
            UNWIND $rows AS row
            CALL (row) {
              CREATE (n:$(row.labels):__Restoring)
              SET n = row.properties, n.__backupId = row.id
            }
            """;

    private static final String RESTORE_AUDIT_HEAD =
            """
            UNWIND $rows AS row
            MATCH (c:AuditChain {id: 'nabij'})
            SET c = row.properties, c:__Restoring, c.__backupId = row.id
            """;

    private static final String CREATE_RELATIONSHIPS =
            """
            UNWIND $rows AS row
            MATCH (s:__Restoring {__backupId: row.start})
            MATCH (e:__Restoring {__backupId: row.end})
            CALL (s, e, row) {
              CREATE (s)-[r:$(row.type)]->(e)
              SET r = row.properties
            }
            """;

    private static final String UNMARK =
            """
            MATCH (n:__Restoring)
            CALL (n) {
              REMOVE n:__Restoring, n.__backupId
            } IN TRANSACTIONS OF 10000 ROWS
            """;

    private final Driver driver;

    GraphBackup(Driver driver) {
        this.driver = driver;
    }

    /** How many nodes and relationships a file or store holds, and their digest. */
    public record Summary(long nodes, long relationships, String digest) {}

    /** Writes the whole graph, gzipped, as JSON lines: a header, the nodes, the relationships, the summary. */
    public Summary backup(OutputStream target) {
        try (Session session = driver.session();
                Transaction transaction = session.beginTransaction();
                var out = new BufferedWriter(
                        new OutputStreamWriter(new GZIPOutputStream(target), StandardCharsets.UTF_8))) {
            transaction.run(CLOSE_AUDIT_LANES).consume();
            AuditQueries.sealWithin(transaction);
            line(
                    out,
                    Map.of(
                            "format",
                            FORMAT,
                            "version",
                            1,
                            "createdAt",
                            Instant.now().toString()));
            Digest digest = new Digest();
            transaction.run(NODES).stream().forEach(node -> {
                Map<String, Object> properties =
                        PropertyCodec.encode(node.get("properties").asMap(v -> v));
                List<String> labels = node.get("labels").asList(v -> v.asString()).stream()
                        .sorted()
                        .toList();
                digest.node(node.get("id").asString(), labels, properties);
                line(out, Map.of("node", node.get("id").asString(), "labels", labels, "properties", properties));
            });
            transaction.run(RELATIONSHIPS).stream().forEach(relationship -> {
                Map<String, Object> properties =
                        PropertyCodec.encode(relationship.get("properties").asMap(v -> v));
                digest.relationship(relationship(relationship), properties);
                line(out, relationshipLine(relationship, properties));
            });
            Summary summary = digest.summary();
            line(out, Map.of("summary", summary));
            transaction.commit();
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A restore: what the backup's last line says it holds, and what the store holds afterwards. */
    public record Restored(Summary expected, Summary restored) {

        public boolean complete() {
            return expected.equals(restored);
        }
    }

    /**
     * Restores a backup into a store that holds no data yet; refuses any other. The whole file is checked first: its
     * format, that every relationship's ends are among its nodes, and that its counts and digest equal its summary
     * line. A file that fails the check leaves the store untouched.
     */
    public Restored restore(Path file) {
        try (Session session = driver.session()) {
            List<String> present = session.run(HOLDS_DATA).single().get("value").asList(v -> v.asString());
            if (!present.isEmpty()) {
                throw new IllegalStateException("the store already holds data (" + String.join(", ", present)
                        + "); restore only into an empty one");
            }
            Summary expected = check(file);
            session.run("CREATE RANGE INDEX restore_backup_id IF NOT EXISTS FOR (n:__Restoring) ON (n.__backupId)")
                    .consume();
            session.run("CALL db.awaitIndexes(300)").consume();
            List<Map<String, Object>> nodes = new ArrayList<>();
            List<Map<String, Object>> auditHead = new ArrayList<>();
            List<Map<String, Object>> relationships = new ArrayList<>();
            boolean nodesWritten = false;
            try (BufferedReader in = open(file)) {
                in.readLine();
                for (String text = in.readLine(); text != null; text = in.readLine()) {
                    Map<String, Object> line = parse(text);
                    if (line.containsKey("node")) {
                        (((List<?>) line.get("labels")).contains("AuditChain") ? auditHead : nodes).add(nodeRow(line));
                        write(session, CREATE_NODES, nodes, BATCH);
                    } else if (line.containsKey("relationship")) {
                        if (!nodesWritten) {
                            writeNodesAndHead(session, nodes, auditHead);
                            nodesWritten = true;
                        }
                        relationships.add(relationshipRow(line));
                        write(session, CREATE_RELATIONSHIPS, relationships, BATCH);
                    }
                }
            }
            if (!nodesWritten) {
                writeNodesAndHead(session, nodes, auditHead);
            }
            write(session, CREATE_RELATIONSHIPS, relationships, 1);
            session.run(UNMARK).consume();
            session.run("DROP INDEX restore_backup_id IF EXISTS").consume();
            return new Restored(expected, summaryOfStore());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the whole file and returns its summary when it is a complete, consistent backup; otherwise says what is
     * wrong with it. Nothing is written.
     */
    public static Summary check(Path file) {
        Digest digest = new Digest();
        Summary summary = null;
        long lineNumber = 1;
        try (BufferedReader in = open(file)) {
            String header = in.readLine();
            if (header == null || !FORMAT.equals(parse(header).get("format"))) {
                throw new InvalidBackupException("not a Nabij backup");
            }
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                lineNumber++;
                if (summary != null) {
                    throw new InvalidBackupException("line " + lineNumber + " follows the summary line");
                }
                Map<String, Object> line = parse(text);
                if (line.containsKey("node")) {
                    digest.node((String) line.get("node"), labels(line), properties(line));
                } else if (line.containsKey("relationship")) {
                    Relationship relationship = new Relationship(
                            (String) line.get("type"), (String) line.get("start"), (String) line.get("end"));
                    for (String end : List.of(relationship.start(), relationship.end())) {
                        if (!digest.holdsNode(end)) {
                            throw new InvalidBackupException("relationship " + line.get("relationship") + " on line "
                                    + lineNumber + " ends at node " + end + ", which the file does not hold");
                        }
                    }
                    digest.relationship(relationship, properties(line));
                } else if (line.containsKey("summary")) {
                    summary = JSON.convertValue(line.get("summary"), Summary.class);
                } else {
                    throw new InvalidBackupException(
                            "line " + lineNumber + " is neither a node, a relationship nor the summary");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidBackupException invalid) {
                throw invalid;
            }
            throw new InvalidBackupException(
                    "the file cannot be read after line " + lineNumber + ": " + e.getMessage());
        }
        if (summary == null) {
            throw new InvalidBackupException("the backup ends early: it has no summary line");
        }
        if (!summary.equals(digest.summary())) {
            throw new InvalidBackupException(
                    "the file holds " + digest.summary() + ", but its summary line says " + summary);
        }
        return summary;
    }

    /** A backup file that cannot be restored as it is. */
    public static final class InvalidBackupException extends IllegalArgumentException {

        InvalidBackupException(String message) {
            super(message);
        }
    }

    /** The counts and digest of what the store holds now. */
    public Summary summaryOfStore() {
        return backup(OutputStream.nullOutputStream());
    }

    private static void writeNodesAndHead(
            Session session, List<Map<String, Object>> nodes, List<Map<String, Object>> auditHead) {
        write(session, CREATE_NODES, nodes, 1);
        session.run(RESTORE_AUDIT_HEAD, Map.of("rows", auditHead)).consume();
    }

    /** Sends the rows once there are at least {@code atLeast} of them. */
    private static void write(Session session, String cypher, List<Map<String, Object>> rows, int atLeast) {
        if (!rows.isEmpty() && rows.size() >= atLeast) {
            session.run(cypher, Map.of("rows", List.copyOf(rows))).consume();
            rows.clear();
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        return new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String line) {
        return JSON.readValue(line, Map.class);
    }

    private static List<String> labels(Map<String, Object> line) {
        return ((List<?>) line.get("labels")).stream().map(String.class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> line) {
        return new TreeMap<>((Map<String, Object>) line.get("properties"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nodeRow(Map<String, Object> line) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", line.get("node"));
        row.put("labels", line.get("labels"));
        row.put("properties", PropertyCodec.decode((Map<String, Object>) line.get("properties")));
        return row;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> relationshipRow(Map<String, Object> line) {
        Map<String, Object> row = new HashMap<>();
        row.put("type", line.get("type"));
        row.put("start", line.get("start"));
        row.put("end", line.get("end"));
        row.put("properties", PropertyCodec.decode((Map<String, Object>) line.get("properties")));
        return row;
    }

    private static Relationship relationship(Record record) {
        return new Relationship(
                record.get("type").asString(),
                record.get("start").asString(),
                record.get("end").asString());
    }

    private static Map<String, Object> relationshipLine(Record record, Map<String, Object> properties) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("relationship", record.get("id").asString());
        line.put("type", record.get("type").asString());
        line.put("start", record.get("start").asString());
        line.put("end", record.get("end").asString());
        line.put("properties", properties);
        return line;
    }

    private static void line(BufferedWriter out, Object value) {
        try {
            out.write(JSON.writeValueAsString(value));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Relationship(String type, String start, String end) {}

    /** The content digest: sorted hashes of nodes and relationships, independent of internal ids and order. */
    private static final class Digest {

        private final Map<String, String> nodeHashes = new HashMap<>();
        private final Map<String, Integer> hashes = new TreeMap<>();
        private long nodes;
        private long relationships;

        void node(String id, List<String> labels, Map<String, Object> properties) {
            String hash = Digests.sha256(labels + JSON.writeValueAsString(properties));
            nodeHashes.put(id, hash);
            hashes.merge(hash, 1, Integer::sum);
            nodes++;
        }

        boolean holdsNode(String id) {
            return nodeHashes.containsKey(id);
        }

        void relationship(Relationship relationship, Map<String, Object> properties) {
            String hash = Digests.sha256(relationship.type()
                    + nodeHashes.get(relationship.start())
                    + nodeHashes.get(relationship.end())
                    + JSON.writeValueAsString(properties));
            hashes.merge(hash, 1, Integer::sum);
            relationships++;
        }

        Summary summary() {
            StringBuilder all = new StringBuilder();
            hashes.forEach(
                    (hash, times) -> all.append(hash).append('×').append(times).append('\n'));
            return new Summary(nodes, relationships, Digests.sha256(all.toString()));
        }
    }
}
