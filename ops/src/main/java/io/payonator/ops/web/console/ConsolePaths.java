package io.payonator.ops.web.console;

/** Where the console lives: its pages are reads, its sign-in page and assets are open. */
public final class ConsolePaths {

    /** The pages, which need the read role (or {@code --open-reads}). */
    public static final String[] PAGES = {"/", "/clients/*", "/rejections", "/status"};
    public static final String SIGN_IN = "/sign-in";
    /** The style sheet and script, under {@code static/console} on the class path. */
    public static final String ASSETS = "/console/**";

    private ConsolePaths() {
    }
}
