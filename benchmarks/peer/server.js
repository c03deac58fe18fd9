// The peer Nabij's household view is measured against: what a Neo4j user would pick instead of Nabij, the
// @neo4j/graphql library on Apollo Server, with type definitions on Nabij's own labels and relationships, reading the
// running app's embedded Neo4j over Bolt. It checks no user and writes no audit event.
//   node server.js [--bolt bolt://127.0.0.1:7687] [--port 4000]
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const option = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : fallback;
};

// Nabij's graph as the peer sees it: the labels, properties and relationships the household view reads.
const typeDefs = /* GraphQL */ `
    type Household @node {
        id: ID!
        postcode: String!
        houseNumber: Int!
        houseNumberAddition: String
        members: [Resident!]! @relationship(type: "MEMBER_OF", direction: IN, properties: "Membership")
        involvements: [Involvement!]! @relationship(type: "CONCERNS", direction: IN)
    }

    type Membership @relationshipProperties {
        role: String!
    }

    type Resident @node {
        id: ID!
        displayName: String!
        birthYear: Int!
        involvements: [Involvement!]! @relationship(type: "CONCERNS", direction: IN)
    }

    type Involvement @node {
        id: ID!
        domain: String!
        since: Date!
        status: String!
        professional: [Professional!]! @relationship(type: "REGISTERED", direction: IN)
        organisation: [Organisation!]! @relationship(type: "ON_BEHALF_OF", direction: OUT)
        team: [Team!]! @relationship(type: "VIA", direction: OUT)
    }

    type Professional @node {
        id: ID!
        name: String!
        discipline: String
    }

    type Organisation @node {
        id: ID!
        name: String!
        kind: String!
        careLine: String
    }

    type Team @node {
        id: ID!
        name: String!
    }
`;

// Nabij's embedded Bolt connector runs without authentication, on loopback only.
const driver = neo4j.driver(option("bolt", "bolt://127.0.0.1:7687"), { scheme: "none", principal: "", credentials: "" }, {
    maxConnectionPoolSize: 100,
});
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, { listen: { port: Number(option("port", "4000")), host: "127.0.0.1" } });
console.log(`peer ready at ${url}`);
