package dk.rm.patientsafety.oauth;

/** Where a client gets the bearer token it sends: a fixed one, or one it fetches and renews itself. */
public interface AccessTokens {

    /** A token to send now. */
    String current();

    /** The server refused the last token (401): the next {@link #current()} must not return it again, if it can help it. */
    void refused();

    static AccessTokens fixed(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the access token is empty");
        }
        return new AccessTokens() {
            @Override
            public String current() {
                return token;
            }

            @Override
            public void refused() {
                // nothing to renew: the caller sees the 401
            }
        };
    }
}
