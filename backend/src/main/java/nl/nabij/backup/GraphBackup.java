package nl.nabij.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import nl.nabij.audit.AuditSealer;
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
            AuditSealer.sealWithin(transaction);
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

    /** Restores a backup into a store that holds no data yet; refuses any other. */
    public Restored restore(InputStream source) {
        try (Session session = driver.session()) {
            List<String> present = session.run(HOLDS_DATA).single().get("value").asList(v -> v.asString());
            if (!present.isEmpty()) {
                throw new IllegalStateException("the store already holds data (" + String.join(", ", present)
                        + "); restore only into an empty one");
            }
            session.run("CREATE RANGE INDEX restore_backup_id IF NOT EXISTS FOR (n:__Restoring) ON (n.__backupId)")
                    .consume();
            session.run("CALL db.awaitIndexes(300)").consume();
            Summary expected = null;
            List<Map<String, Object>> nodes = new ArrayList<>();
            List<Map<String, Object>> auditHead = new ArrayList<>();
            List<Map<String, Object>> relationships = new ArrayList<>();
            boolean nodesWritten = false;
            try (var in =
                    new BufferedReader(new InputStreamReader(new GZIPInputStream(source), StandardCharsets.UTF_8))) {
                if (!FORMAT.equals(JSON.readValue(in.readLine(), Map.class).get("format"))) {
                    throw new IllegalArgumentException("not a Nabij backup");
                }
                for (String text = in.readLine(); text != null; text = in.readLine()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> line = JSON.readValue(text, Map.class);
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
                    } else if (line.containsKey("summary")) {
                        expected = JSON.convertValue(line.get("summary"), Summary.class);
                    }
                }
            }
            if (!nodesWritten) {
                writeNodesAndHead(session, nodes, auditHead);
            }
            write(session, CREATE_RELATIONSHIPS, relationships, 1);
            session.run(UNMARK).consume();
            session.run("DROP INDEX restore_backup_id IF EXISTS").consume();
            if (expected == null) {
                throw new IllegalArgumentException("the backup ends early: it has no summary line");
            }
            return new Restored(expected, summaryOfStore());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
            String hash = sha256(labels + JSON.writeValueAsString(properties));
            nodeHashes.put(id, hash);
            hashes.merge(hash, 1, Integer::sum);
            nodes++;
        }

        void relationship(Relationship relationship, Map<String, Object> properties) {
            String hash = sha256(relationship.type()
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
            return new Summary(nodes, relationships, sha256(all.toString()));
        }

        private static String sha256(String text) {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
            }
        }
    }
}
