package dk.rm.patientsafety.delivery;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.util.List;

/** One {@code delivery.webhooks.<name>} entry as configured; {@link WebhookSubscriber} checks it. */
@EachProperty("delivery.webhooks")
public class WebhookProperties {

    private final String name;
    private String url;
    private String secret;
    private List<String> units = List.of();

    public WebhookProperties(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public List<String> getUnits() {
        return units;
    }

    public void setUnits(List<String> units) {
        this.units = units;
    }
}
