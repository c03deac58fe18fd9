package nl.nabij.webhook;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the CloudEvent of a match for one organisation, after the NL GOV profile for CloudEvents, in the JSON event
 * format's structured mode: a UUID as {@code id}, this installation as {@code source}, a reverse-DNS {@code type},
 * the household's id (a random id, not personal data) as {@code subject}, the notification's time. The data holds ids
 * and codes a case system can act on and never a name, a BSN or an address.
 */
@Component
class MatchEvents {

    static final String TYPE = "nl.nabij.involvement.match";
    static final String CONTENT_TYPE = "application/cloudevents+json";
    private static final String DATA_CONTENT_TYPE = "application/json";

    private final URI source;
    private final JsonMapper json;

    MatchEvents(WebhookProperties properties, JsonMapper json) {
        this.source = properties.source();
        this.json = json;
    }

    /** The event for one target of {@link WebhookQueries#targets}, as the body to send. */
    String event(String id, Map<String, Object> target) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", target.get("kind"));
        data.put("notificationId", target.get("notificationId"));
        data.put("matchId", target.get("matchId"));
        data.put("householdId", target.get("householdId"));
        data.put("organisationId", target.get("organisationId"));
        data.put("employeeReference", target.get("employeeReference"));
        data.put("professionalId", target.get("professionalId"));
        data.put("involvementIds", List.copyOf((List<?>) target.get("involvementIds")));
        data.put("joinedOrganisationId", target.get("joinedOrganisationId"));
        data.put("joinedInvolvementId", target.get("joinedInvolvementId"));
        data.put("organisationCount", target.get("organisationCount"));
        // The SDK checks the attributes against CloudEvents 1.0; its JSON module is for Jackson 2, so the structured
        // form is written here from the checked event.
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(source)
                .withType(TYPE)
                .withSubject((String) target.get("householdId"))
                .withTime(time(target.get("createdAt")))
                .withDataContentType(DATA_CONTENT_TYPE)
                .withData(DATA_CONTENT_TYPE, json.writeValueAsBytes(data))
                .build();
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("specversion", event.getSpecVersion().toString());
        structured.put("id", event.getId());
        structured.put("source", event.getSource().toString());
        structured.put("type", event.getType());
        structured.put("subject", event.getSubject());
        structured.put("time", event.getTime().toString());
        structured.put("datacontenttype", event.getDataContentType());
        structured.put("data", data);
        return json.writeValueAsString(structured);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    private static OffsetDateTime time(Object createdAt) {
        return createdAt instanceof ZonedDateTime zoned
                ? zoned.toOffsetDateTime()
                : OffsetDateTime.parse(createdAt.toString());
    }
}
