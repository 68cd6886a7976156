package loyaltyloop.admin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import loyaltyloop.shops.LoyaltySettings;

/**
 * Reads {@code shops add --settings FILE}: a JSON {@link LoyaltySettings} as the shop record stores it, except that
 * enums may be written in any case and {@code provisioning} by its wire name ({@code platform-api}, {@code pool},
 * {@code demo}). Every problem becomes a usage error that says where it is.
 */
final class SettingsFile {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .addModule(new SimpleModule().addDeserializer(LoyaltySettings.Provisioning.class, new ProvisioningByName()))
            .build();

    private SettingsFile() {
    }

    static LoyaltySettings read(String file) {
        String json;
        try {
            json = Files.readString(Path.of(file));
        } catch (IOException | RuntimeException e) {
            throw new Flags.UsageException("cannot read --settings " + file + ": " + e.getClass().getSimpleName());
        }
        return parse(json, file);
    }

    static LoyaltySettings parse(String json, String file) {
        try {
            LoyaltySettings settings = MAPPER.readValue(json, LoyaltySettings.class);
            if (settings == null) {
                throw new Flags.UsageException("--settings " + file + " must be a JSON object");
            }
            return settings;
        } catch (ValueInstantiationException e) {
            // A record refused a value: its own message says which rule.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new Flags.UsageException("--settings " + file + ": " + where(e) + cause.getMessage());
        } catch (UnrecognizedPropertyException e) {
            throw new Flags.UsageException("--settings " + file + ": " + where(e) + "unknown setting \""
                    + e.getPropertyName() + "\" (known here: " + e.getKnownPropertyIds() + ")");
        } catch (InvalidFormatException e) {
            throw new Flags.UsageException("--settings " + file + ": " + where(e) + "\"" + e.getValue()
                    + "\" is not " + expected(e.getTargetType()));
        } catch (JsonMappingException e) {
            throw new Flags.UsageException("--settings " + file + ": " + where(e) + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new Flags.UsageException("--settings " + file + " is not JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String where(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "" : "at " + path.replace(".[", "[") + ": ";
    }

    private static String expected(Class<?> type) {
        if (type == LoyaltySettings.Provisioning.class) {
            return "platform-api, pool or demo";
        }
        if (type != null && type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
        }
        return "a " + (type == null ? "valid value" : type.getSimpleName().toLowerCase(Locale.ROOT));
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static final class ProvisioningByName extends JsonDeserializer<LoyaltySettings.Provisioning> {
        @Override
        public LoyaltySettings.Provisioning deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String name = p.getValueAsString();
            try {
                return LoyaltySettings.Provisioning.fromWireName(name);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ctxt.weirdStringException(name, LoyaltySettings.Provisioning.class, "not a provisioning");
            }
        }
    }
}
