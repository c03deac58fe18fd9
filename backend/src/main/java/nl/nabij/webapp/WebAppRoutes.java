package nl.nabij.webapp;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The addresses of the web app's screens. The app itself switches screens in the browser, but a reload, a bookmark or
 * a link in a mail (a volunteer's {@code /volunteer/confirm?token=…}) or the identity provider's redirect back after
 * signing in arrives here first and must get the app.
 */
@Controller
class WebAppRoutes {

    @GetMapping({
        "/sign-in",
        "/sign-in/callback",
        "/notifications",
        "/overlap",
        "/network",
        "/steering",
        "/volunteers",
        "/volunteer/register",
        "/volunteer/confirm",
        "/volunteer/mine",
        "/volunteer-links",
        "/social-map",
        "/my-data",
        "/grants",
        "/audit"
    })
    String screen() {
        return "forward:/index.html";
    }
}
