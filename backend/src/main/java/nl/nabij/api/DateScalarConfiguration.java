package nl.nabij.api;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The {@code Date} scalar: ISO-8601 calendar dates, read from and written to {@link LocalDate}. */
@Configuration(proxyBeanMethods = false)
class DateScalarConfiguration {

    @Bean
    RuntimeWiringConfigurer dateScalar() {
        GraphQLScalarType date = GraphQLScalarType.newScalar()
                .name("Date")
                .description("A calendar date in ISO-8601 form, e.g. 2026-11-23.")
                .coercing(new IsoDateCoercing())
                .build();
        return wiring -> wiring.scalar(date);
    }

    private static final class IsoDateCoercing implements Coercing<LocalDate, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof LocalDate date) {
                return date.toString();
            }
            throw new CoercingSerializeException("Expected a LocalDate");
        }

        @Override
        public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
            try {
                return LocalDate.parse(String.valueOf(input));
            } catch (DateTimeParseException e) {
                throw new CoercingParseValueException("A Date is written as YYYY-MM-DD");
            }
        }

        @Override
        public LocalDate parseLiteral(
                Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                try {
                    return LocalDate.parse(text.getValue());
                } catch (DateTimeParseException e) {
                    throw new CoercingParseLiteralException("A Date is written as YYYY-MM-DD");
                }
            }
            throw new CoercingParseLiteralException("A Date is written as a string YYYY-MM-DD");
        }
    }
}
