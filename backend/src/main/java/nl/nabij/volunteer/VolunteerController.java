package nl.nabij.volunteer;

import java.time.LocalDate;
import java.util.List;
import nl.nabij.security.Actor;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The {@code VolunteerRegistration} type: the volunteer's public side, the team lead's review, the administrator's list. */
@Controller
class VolunteerController {

    private final SelfRegistration self;
    private final Review review;

    VolunteerController(SelfRegistration self, Review review) {
        this.self = self;
        this.review = review;
    }

    @MutationMapping
    SelfRegistration.Registered registerAsVolunteer(
            @Argument RegistrationInput input,
            @ContextValue(name = ClientAddress.KEY, required = false) String clientAddress) {
        return self.register(input, clientAddress);
    }

    @MutationMapping
    SelfRegistration.Changed confirmVolunteerRegistration(@Argument TokenInput input) {
        return self.confirm(input.token());
    }

    @QueryMapping
    VolunteerRegistration volunteerRegistration(@Argument String token) {
        return self.byPersonalLink(token).orElse(null);
    }

    @MutationMapping
    SelfRegistration.Changed updateVolunteerRegistration(@Argument SelfRegistration.Correction input) {
        return self.correct(input);
    }

    @MutationMapping
    Deleted deleteVolunteerRegistration(@Argument TokenInput input) {
        return new Deleted(self.delete(input.token()));
    }

    @QueryMapping
    List<SelfRegistration.Unconfirmed> unconfirmedVolunteerRegistrations() {
        return self.unconfirmedForAdministrator();
    }

    @MutationMapping
    SelfRegistration.IssuedLink issueVolunteerConfirmationLink(@Argument RegistrationIdInput input, Actor actor) {
        return self.issueConfirmationLink(actor.user(), input.registrationId(), actor.origin());
    }

    @QueryMapping
    Window<VolunteerRegistration> volunteerReviewQueue(@Argument String status, ScrollSubrange subrange, Actor actor) {
        return review.queue(actor.user(), status, subrange);
    }

    @MutationMapping
    Review.Decided approveVolunteer(@Argument DecisionInput input, Actor actor) {
        return review.approve(actor.user(), input.registrationId(), input.vogCheckedOn(), actor.origin());
    }

    @MutationMapping
    Review.Decided rejectVolunteer(@Argument DecisionInput input, Actor actor) {
        return review.reject(actor.user(), input.registrationId(), input.reason(), actor.origin());
    }

    @MutationMapping
    Review.Decided connectVolunteerToTeam(@Argument DecisionInput input, Actor actor) {
        return review.connect(actor.user(), input.registrationId(), actor.origin());
    }

    /** A link's token. */
    record TokenInput(String token) {}

    /** The registration an administrator issues a confirmation link for. */
    record RegistrationIdInput(String registrationId) {}

    /** A team lead's decision on a registration. */
    record DecisionInput(String registrationId, LocalDate vogCheckedOn, String reason) {}

    /** Whether a registration was erased. */
    record Deleted(boolean deleted) {}
}
