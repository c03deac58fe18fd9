package nl.nabij.volunteer;

import java.time.LocalDate;
import java.util.List;
import nl.nabij.security.CurrentUser;
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
    private final CurrentUser currentUser;

    VolunteerController(SelfRegistration self, Review review, CurrentUser currentUser) {
        this.self = self;
        this.review = review;
        this.currentUser = currentUser;
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
    SelfRegistration.IssuedLink issueVolunteerConfirmationLink(
            @Argument RegistrationIdInput input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return self.issueConfirmationLink(currentUser.get(), input.registrationId(), origin);
    }

    @QueryMapping
    Window<VolunteerRegistration> volunteerReviewQueue(@Argument String status, ScrollSubrange subrange) {
        return review.queue(currentUser.get(), status, subrange);
    }

    @MutationMapping
    Review.Decided approveVolunteer(
            @Argument DecisionInput input, @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return review.approve(currentUser.get(), input.registrationId(), input.vogCheckedOn(), origin);
    }

    @MutationMapping
    Review.Decided rejectVolunteer(
            @Argument DecisionInput input, @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return review.reject(currentUser.get(), input.registrationId(), input.reason(), origin);
    }

    @MutationMapping
    Review.Decided connectVolunteerToTeam(
            @Argument DecisionInput input, @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return review.connect(currentUser.get(), input.registrationId(), origin);
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
