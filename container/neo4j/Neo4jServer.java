import org.neo4j.server.CommunityBootstrapper;
import org.neo4j.server.NeoBootstrapper;

/**
 * Starts Neo4j Community as a server process, exactly as Neo4j's own launcher does, from the Maven Central jars of
 * the version Nabij embeds: the Neo4j distribution archive cannot be fetched on machines that reach only Maven Central.
 * Run with the source launcher: java -cp 'lib/*' Neo4jServer.java --home-dir=... --config-dir=...
 */
public class Neo4jServer {

    public static void main(String[] args) {
        int status = NeoBootstrapper.start(new CommunityBootstrapper(), args);
        if (status != NeoBootstrapper.OK) {
            System.exit(status);
        }
    }
}
