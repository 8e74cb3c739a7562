using ChatPS.Loading;

namespace ChatPS.Tests.Automation;

public class ImportRegistrationTests
{
    private sealed class Handler
    {
        public int Registered { get; private set; }
        public ImportRegistration Registration { get; }

        public Handler() => Registration = new ImportRegistration(() => Registered++, () => Registered--);
    }

    [Fact]
    public void An_import_registers_once_and_its_removal_unregisters()
    {
        var handler = new Handler();
        handler.Registration.Imported();
        Assert.Equal(1, handler.Registered);
        handler.Registration.Removed();
        Assert.Equal(0, handler.Registered);
    }

    [Fact]
    public void An_early_start_is_the_import_s_registration_not_a_second_one()
    {
        var handler = new Handler();
        handler.Registration.Early();
        Assert.Equal(1, handler.Registered);
        handler.Registration.Imported();
        Assert.Equal(1, handler.Registered);
        handler.Registration.Removed();
        Assert.Equal(0, handler.Registered);
    }

    [Fact]
    public void An_early_start_with_the_module_already_imported_adds_nothing()
    {
        var handler = new Handler();
        handler.Registration.Imported();
        handler.Registration.Early();
        Assert.Equal(1, handler.Registered);
        handler.Registration.Removed();
        Assert.Equal(0, handler.Registered);
    }

    [Fact]
    public void Import_remove_import_after_an_early_start_stays_balanced()
    {
        var handler = new Handler();
        handler.Registration.Early();
        handler.Registration.Imported();
        handler.Registration.Removed();
        handler.Registration.Imported();
        Assert.Equal(1, handler.Registered);
        handler.Registration.Removed();
        Assert.Equal(0, handler.Registered);
    }

    [Fact]
    public void Removing_the_module_from_one_runspace_leaves_the_other_import_served()
    {
        var handler = new Handler();
        handler.Registration.Early();
        handler.Registration.Imported();
        handler.Registration.Imported();
        Assert.Equal(2, handler.Registered);
        handler.Registration.Removed();
        Assert.Equal(1, handler.Registered);
        handler.Registration.Removed();
        Assert.Equal(0, handler.Registered);
    }
}
