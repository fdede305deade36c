/* Found by the build with -I include, not beside the file that includes it. */
void show_name(const char *name);
