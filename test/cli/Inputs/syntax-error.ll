; Not IR: the body holds a word that is no instruction.
define void @f() {
  frobnicate
  ret void
}
