package nl.nabij.security;

/**
 * Who acts in a GraphQL operation: the signed-in user, and the client address the request came from (null when the
 * transport gives none), for the audit trail. Controller methods take it as an argument; {@link ActorResolver}
 * resolves it once per call.
 */
public record Actor(NabijUser user, String origin) {}
