import io.javalin.Javalin;
import java.util.Arrays;

/**
 * The limit of the v1 listing: the same server (Javalin on Jetty, from the service's own jar)
 * answering a constant byte array of the listing's size from memory, with the listing's content
 * type. Run by bench/run as {@code java -cp attendance-api.jar ConstantBytes.java PORT BYTES}.
 */
public class ConstantBytes {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        byte[] body = new byte[Integer.parseInt(args[1])];
        Arrays.fill(body, (byte) 'x');
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.port = port;
            config.routes.get("/api/v1/attendance/search/all",
                    ctx -> ctx.contentType("application/json").result(body));
        }).start();
    }
}
