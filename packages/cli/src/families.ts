/**
 * Every built-in type, known to `grove` and to `grove serve` (which runs in
 * its process): importing a Grove package registers the families of its
 * types (`registerFamily`), so their tags resolve with no type handed over.
 */
import '@grove/counter';
import '@grove/map';
import '@grove/queue';
import '@grove/rope';
import '@grove/set';
