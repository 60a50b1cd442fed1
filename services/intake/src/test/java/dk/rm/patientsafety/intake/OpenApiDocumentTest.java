package dk.rm.patientsafety.intake;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written OpenAPI document describes exactly the operations the controllers serve. */
class OpenApiDocumentTest {

    private static final List<Class<?>> DOCUMENTED = List.of(IncidentController.class, IntakeCountsController.class, QualityController.class);

    @Test
    void documentsEveryOperationAndNoOther() throws Exception {
        assertEquals(served(), documented());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> documented() throws Exception {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(OpenApiController.RESOURCE)) {
            Map<String, Object> document = new Yaml().load(in);
            Set<String> operations = new TreeSet<>();
            ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, methods) ->
                    methods.keySet().forEach(method -> operations.add(method.toUpperCase() + " " + path)));
            return operations;
        }
    }

    private static Set<String> served() {
        Set<String> operations = new TreeSet<>();
        for (Class<?> controller : DOCUMENTED) {
            String base = controller.getAnnotation(Controller.class).value();
            for (Method method : controller.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Post.class)) {
                    operations.add("POST " + base + uri(method.getAnnotation(Post.class).uri(), method.getAnnotation(Post.class).value()));
                }
                if (method.isAnnotationPresent(Get.class)) {
                    operations.add("GET " + base + uri(method.getAnnotation(Get.class).uri(), method.getAnnotation(Get.class).value()));
                }
            }
        }
        return operations;
    }

    private static String uri(String uri, String value) {
        String path = "/".equals(uri) ? value : uri;
        return "/".equals(path) ? "" : path;
    }
}
