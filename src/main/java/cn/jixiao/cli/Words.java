package cn.jixiao.cli;

/** English words for counts in messages. */
final class Words {

    private Words() {
    }

    /** {@code 1 warning}, {@code 2 warnings}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
