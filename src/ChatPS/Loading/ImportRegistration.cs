using System;
using System.Threading;

namespace ChatPS.Loading
{
    /// <summary>
    /// Keeps one registration of a process-wide handler (the dependency resolver) per import of the module: each import
    /// adds one, each removal takes one away, so a module removed from one runspace leaves the other runspaces' imports
    /// served. The handler can also be needed before PowerShell calls the import's initializer (<see cref="Early"/>);
    /// then that import's <see cref="Imported"/> adds nothing more.
    /// </summary>
    internal sealed class ImportRegistration
    {
        private readonly Action _add;
        private readonly Action _remove;
        private int _imports;
        private int _addedEarly;

        /// <summary>Registers with <paramref name="add"/> and unregisters with <paramref name="remove"/>.</summary>
        public ImportRegistration(Action add, Action remove)
        {
            _add = add ?? throw new ArgumentNullException(nameof(add));
            _remove = remove ?? throw new ArgumentNullException(nameof(remove));
        }

        /// <summary>
        /// An import is under way and its initializer has not run yet: register for it now. With the module already
        /// imported somewhere, the registration is there, and nothing is added.
        /// </summary>
        public void Early()
        {
            if (Volatile.Read(ref _imports) == 0 && Interlocked.Exchange(ref _addedEarly, 1) == 0) _add();
        }

        /// <summary>An import's initializer runs: register, unless <see cref="Early"/> already did for this import.</summary>
        public void Imported()
        {
            Interlocked.Increment(ref _imports);
            if (Interlocked.Exchange(ref _addedEarly, 0) == 0) _add();
        }

        /// <summary>An import was removed: take its registration away.</summary>
        public void Removed()
        {
            _remove();
            Interlocked.Decrement(ref _imports);
        }
    }
}
