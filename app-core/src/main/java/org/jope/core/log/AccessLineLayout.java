package org.jope.core.log;

/** One way of writing an access event as a line: a pattern of tokens, or JSON. */
interface AccessLineLayout {

    /**
     * @param client the client's address, after the trusted-proxy rule
     */
    void appendTo(StringBuilder line, AccessEvent event, String client);

}
