// Every EPUB named on the command line checked by EPUBCheck in this one JVM (its start-up
// and EPUBCheck's schema loading are most of a check: paid once, not once a book).
// Arguments: pairs of <book.epub> <report.json>. After each book, a line "done <n>" on
// standard output, so the caller can say the book is checked while the next one runs.
import com.adobe.epubcheck.tool.EpubChecker;

public class EpubCheckBatch {
    public static void main(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            try {
                new EpubChecker().run(new String[] {args[i], "-q", "--json", args[i + 1]});
            } catch (RuntimeException error) {  // a book too damaged to read: its report is missing, and the caller says so
                System.err.println("EPUBCheck stopped on " + args[i] + ": " + error);
            }
            System.out.println("done " + (i / 2));
            System.out.flush();
        }
    }
}
