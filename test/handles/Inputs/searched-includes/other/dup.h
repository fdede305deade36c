/* One of two headers of this name at the same level: not used. */
void show_dup(const char *name);
