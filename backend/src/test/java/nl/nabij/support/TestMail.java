package nl.nabij.support;

/**
 * The SMTP server the integration suites mail to: the application is configured for it, and the test that checks
 * mails starts an in-process server on it. Without that server, sending fails and is logged, which no other test
 * notices: no demo professional has an e-mail address.
 */
public final class TestMail {

    public static final int SMTP_PORT = 39025;

    private TestMail() {}
}
