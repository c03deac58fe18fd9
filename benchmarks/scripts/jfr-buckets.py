#!/usr/bin/env python3
"""Sorts a JFR recording's CPU samples into buckets by the first frame (from the top) that names one, and prints the
share of each and the hottest leaf frames of the largest ones: a flame graph's findings in a table.
   jfr print --json --events jdk.ExecutionSample rec.jfr | benchmarks/scripts/jfr-buckets.py"""
import collections
import json
import sys

# From the most to the least specific: the first rule that matches a frame of the stack, walking from the leaf, wins.
BUCKETS = [
    ("Neo4j commit (transaction log, force)", ("TransactionCommitProcess", "LogFiles", "TransactionLogWriter", "force")),
    ("Neo4j Cypher planning/parsing", ("cypher.internal.compiler", "cypher.internal.planner", "cypher.internal.parser",
                                       "cypher.internal.frontend", "cypher.internal.ast", "QueryCache")),
    ("Neo4j Cypher runtime and storage", ("cypher.internal.runtime", "org.neo4j.kernel", "org.neo4j.internal",
                                          "org.neo4j.io.pagecache", "org.neo4j.storageengine", "org.neo4j.values")),
    ("Bolt server and driver (packstream, netty)", ("org.neo4j.bolt", "org.neo4j.packstream", "org.neo4j.driver",
                                                     "io.netty")),
    ("Password hashing (Argon2)", ("argon2", "Argon2",)),
    ("JWT and RSA", ("nimbus", "sun.security.rsa", "java.math.BigInteger", "JwtDecoder")),
    ("Spring Security filters", ("org.springframework.security",)),
    ("GraphQL (graphql-java, Spring GraphQL)", ("graphql.", "org.springframework.graphql")),
    ("JSON (Jackson)", ("tools.jackson", "com.fasterxml.jackson")),
    ("Tomcat and servlet", ("org.apache.tomcat", "org.apache.catalina", "org.apache.coyote")),
    ("Spring transactions and Neo4jClient", ("org.springframework.transaction", "org.springframework.data.neo4j")),
    ("Nabij", ("nl.nabij",)),
]

def main():
    data = json.load(sys.stdin)
    events = data["recording"]["events"]
    counts = collections.Counter()
    leaves = collections.defaultdict(collections.Counter)
    for event in events:
        frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
        names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
        bucket = "other (JDK, GC helpers, logging)"
        for title, needles in BUCKETS:
            if any(any(n in name for n in needles) for name in names):
                bucket = title
                break
        counts[bucket] += 1
        if names:
            leaves[bucket][names[0]] += 1
    total = sum(counts.values())
    print(f"| bucket | samples | share | hottest frames |\n|---|---|---|---|")
    for bucket, n in counts.most_common():
        top = ", ".join(f"`{name.split('.')[-2]}.{name.split('.')[-1]}` {c}" for name, c in leaves[bucket].most_common(3))
        print(f"| {bucket} | {n} | {100 * n / total:.1f} % | {top} |")
    print(f"\n{total} samples")

main()
