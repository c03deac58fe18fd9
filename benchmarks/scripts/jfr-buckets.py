#!/usr/bin/env python3
"""Sorts a JFR recording's CPU samples into parts of the app and prints the share of each and the hottest leaf frames
of each: a flame graph's findings in a table. Read the recording with its whole stacks, so the callers are there:
   jfr print --json --stack-depth 300 --events jdk.ExecutionSample rec.jfr | benchmarks/scripts/jfr-buckets.py
A sample goes to logging, commit or planning when any frame of its stack is theirs (their cost is all they are there
for); otherwise to the part that the innermost frame naming one belongs to."""
import collections
import json
import sys

WHOLE_STACK = [
    ("Logging (logback, notifications, masking)", ("ch.qos.logback", "ResultSummaries", "PersonalDataMasking")),
    ("Neo4j commit (transaction log, force)", ("TransactionCommitProcess", "LogFiles", "TransactionLogWriter")),
    ("Neo4j Cypher planning/parsing", ("cypher.internal.compiler", "cypher.internal.planner", "cypher.internal.parser",
                                       "cypher.internal.frontend", "cypher.internal.ast", "QueryCache")),
]
INNERMOST = [
    ("Neo4j Cypher runtime and storage", ("cypher.internal.runtime", "org.neo4j.kernel", "org.neo4j.internal",
                                          "org.neo4j.io.pagecache", "org.neo4j.storageengine", "org.neo4j.values",
                                          "org.neo4j.cypher")),
    ("Bolt server and Netty", ("org.neo4j.bolt", "org.neo4j.packstream", "org.neo4j.server", "io.netty")),
    ("Bolt driver", ("org.neo4j.driver",)),
    ("JWT and RSA", ("nimbus", "sun.security.rsa", "java.math.BigInteger", "JwtDecoder")),
    ("Spring Security", ("org.springframework.security",)),
    ("GraphQL (graphql-java, Spring for GraphQL)", ("graphql.", "org.springframework.graphql", "org.dataloader")),
    ("JSON (Jackson)", ("tools.jackson", "com.fasterxml.jackson")),
    ("Spring transactions and Neo4jClient", ("org.springframework.transaction", "org.springframework.data.neo4j")),
    ("Tomcat", ("org.apache.tomcat", "org.apache.catalina", "org.apache.coyote")),
    ("Spring MVC", ("org.springframework.web",)),
    ("Micrometer observations", ("io.micrometer",)),
    ("Reactor", ("reactor.",)),
    ("Nabij", ("nl.nabij",)),
]


def bucket(names):
    for title, needles in WHOLE_STACK:
        if any(any(n in name for n in needles) for name in names):
            return title
    for name in names:
        for title, needles in INNERMOST:
            if any(n in name for n in needles):
                return title
    return "other (JDK, GC helpers)"


def main():
    data = json.load(sys.stdin)
    counts = collections.Counter()
    leaves = collections.defaultdict(collections.Counter)
    for event in data["recording"]["events"]:
        frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
        names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
        part = bucket(names)
        counts[part] += 1
        if names:
            leaves[part][names[0]] += 1
    total = sum(counts.values())
    print(f"| part | samples | share | hottest frames |\n|---|---|---|---|")
    for part, n in counts.most_common():
        top = ", ".join(f"`{name.split('.')[-2]}.{name.split('.')[-1]}` {c}" for name, c in leaves[part].most_common(3))
        print(f"| {part} | {n} | {100 * n / total:.1f} % | {top} |")
    print(f"\n{total} samples")


main()
