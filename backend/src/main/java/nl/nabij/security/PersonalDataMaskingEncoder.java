package nl.nabij.security;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log encoder of every appender: masks anything shaped like a BSN (eight or nine digits standing alone) in the
 * whole line, stack traces included; ids and digests stay readable. Nabij never logs a BSN on purpose; this catches what libraries echo back, such as
 * a JSON parser quoting the token it could not read, so that no request body can carry a BSN into the logs.
 */
public class PersonalDataMaskingEncoder extends PatternLayoutEncoder {

    /**
     * A UUID or a digest (32 or more hex digits in a row), left as they are: their hex groups may hold eight digits in
     * a row. Or a BSN-shaped number, masked.
     */
    private static final Pattern ID_OR_BSN_SHAPED =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
                    + "|(?<![0-9a-fA-F])[0-9a-fA-F]{32,}(?![0-9a-fA-F])"
                    + "|(?<![0-9])[0-9]{8,9}(?![0-9])");

    @Override
    public byte[] encode(ILoggingEvent event) {
        Charset charset = getCharset() == null ? StandardCharsets.UTF_8 : getCharset();
        String line = new String(super.encode(event), charset);
        return mask(line).getBytes(charset);
    }

    static String mask(String text) {
        return ID_OR_BSN_SHAPED
                .matcher(text)
                .replaceAll(
                        match -> match.group().length() > 9 ? Matcher.quoteReplacement(match.group()) : "*********");
    }
}
