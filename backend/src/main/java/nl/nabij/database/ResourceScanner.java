package nl.nabij.database;

import ac.simons.neo4j.migrations.core.ClasspathResourceScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Finds the migration files with Spring's resource resolver instead of Neo4j-Migrations' default, ClassGraph, which
 * opens every one of the packaged jar's three hundred libraries to look for the folder: seconds of every start, a
 * restart included. Spring asks the class loader for the folder and lists only the jars that hold it. It returns
 * what ClassGraph does: every file under each location, subfolders included, for Neo4j-Migrations to filter.
 */
final class ResourceScanner implements ClasspathResourceScanner {

    private final ResourcePatternResolver resolver;

    ResourceScanner(ClassLoader classLoader) {
        this.resolver = new PathMatchingResourcePatternResolver(classLoader);
    }

    @Override
    public List<URL> scan(List<String> locations) {
        List<URL> found = new ArrayList<>();
        try {
            for (String location : locations) {
                for (Resource resource :
                        resolver.getResources(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX + location + "/**/*")) {
                    if (resource.isReadable()) {
                        found.add(resource.getURL());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The migration files could not be listed", e);
        }
        return found;
    }
}
